// Types t() keys against en.json, so a typo in a key is a compile error rather than a raw key on screen.
import type en from './en.json';

declare module 'i18next' {
  // Module augmentation only works with an interface, hence the exception to `type` over `interface`.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
