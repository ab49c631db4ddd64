// Camunda webapp configuration of this application: the storefront's sign-in replaces the webapps' login view.
// The shortcuts are Camunda's defaults.
// Tasklist speaks English and German, chosen by the browser's language; Camunda Forms labels are not translated by
// Tasklist (docs/adr/0030-english-and-german-everywhere.md).
export default {
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  customScripts: ['../sign-in/storefront-sign-in'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
