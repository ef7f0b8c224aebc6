/** The screens of the window, in the order the sidebar lists them. */
export const screens = [
  { id: 'home', label: 'Welcome', shortcut: '1' },
  { id: 'install', label: 'Install', shortcut: '2' },
  { id: 'overview', label: 'Overview', shortcut: '3' },
  { id: 'nodes', label: 'Nodes', shortcut: '4' },
  { id: 'pods', label: 'Pods', shortcut: '5' },
  { id: 'services', label: 'Services', shortcut: '6' },
] as const;
export type ScreenId = (typeof screens)[number]['id'];
