// Camunda webapp configuration of this application: the storefront's sign-in replaces the webapps' login view.
export default {
  customScripts: ['../sign-in/storefront-sign-in']
};
