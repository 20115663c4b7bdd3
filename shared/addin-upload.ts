import type { Localized } from './localized';

/**
 * The one way this product names for putting the add-in into Excel on the web by hand: the pane's
 * "open me in Excel" screen, the console of `npm start`, `npm run deploy`'s next steps and the README
 * all say these words (tests/unit/addin-upload.test.ts checks each). The English labels are those of
 * Microsoft's "Sideload Office Add-ins to Office on the web" (Home > Add-ins > More Settings, then
 * Upload My Add-in); the Vietnamese ones are Excel's Vietnamese labels of the same commands.
 */
export const EXCEL_WEB_UPLOAD: Localized = {
  vi: 'Trang đầu → Phần bổ trợ → Thiết đặt khác → Tải lên Phần bổ trợ của tôi',
  en: 'Home → Add-ins → More Settings → Upload My Add-in',
};

/** Where a deployment's users find the pane once the add-in is in Excel: its button on the Home tab. */
export const PANE_BUTTON: Localized = {
  vi: 'Trang đầu → Đề nghị khen thưởng',
  en: 'Home → Nominations',
};
