import { z } from 'zod';

/** Every user-facing text is given in both languages: Vietnamese first, English as the option. */
export const Localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;
export type Language = keyof Localized;
