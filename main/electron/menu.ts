import type { MenuItemConstructorOptions } from 'electron';

/** The usual application menu, built from Electron's roles so shortcuts match the platform. */
export function menuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  openExternal: (url: string) => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ label: appName, role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Kubernetes Documentation', click: () => openExternal('https://kubernetes.io/docs/home/') },
        { label: 'MicroK8s Documentation', click: () => openExternal('https://microk8s.io/docs') },
      ],
    },
  ];
}
