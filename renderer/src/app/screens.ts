/** The screens of the window, in the order the sidebar lists them. */
export const screens = [
  { id: 'home', label: 'Welcome', shortcut: '1' },
  { id: 'install', label: 'Install', shortcut: '2' },
] as const;
export type ScreenId = (typeof screens)[number]['id'];
