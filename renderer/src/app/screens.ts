/** The screens of the window, in the order the sidebar lists them. */
export const screens = [{ id: 'home', label: 'Welcome', shortcut: '1' }] as const;
export type ScreenId = (typeof screens)[number]['id'];
