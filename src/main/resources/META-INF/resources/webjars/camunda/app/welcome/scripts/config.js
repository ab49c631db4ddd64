// Camunda webapp configuration of this application: the storefront's sign-in replaces the webapps' login view.
// English and German, chosen by the browser's language (docs/adr/0030-english-and-german-everywhere.md).
export default {
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  customScripts: ['../sign-in/storefront-sign-in']
};
