import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type PaneTheme = 'light' | 'dark';

/** Office's theme as the boot reads it (Office.context.officeTheme), with no dependency on Office here. */
export interface OfficeThemeColors {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Dark when Office says so, or when its pane background is dark (older hosts lack isDarkTheme). */
export function themeFromOffice(colors: OfficeThemeColors | undefined): PaneTheme {
  if (!colors) return 'light';
  if (typeof colors.isDarkTheme === 'boolean') return colors.isDarkTheme ? 'dark' : 'light';
  const hex = /^#?([0-9a-f]{6})$/i.exec(colors.bodyBackgroundColor ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  return luminance < 0.5 ? 'dark' : 'light';
}

export function fluentTheme(theme: PaneTheme): Theme {
  return theme === 'dark' ? webDarkTheme : webLightTheme;
}
