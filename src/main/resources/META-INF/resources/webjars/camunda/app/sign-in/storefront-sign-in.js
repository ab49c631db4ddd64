// One sign-in for staff (docs/adr/0029): the webapps never show their own login view. When they would (after
// signing out, or when the session has ended), the browser goes to the storefront's sign-in page instead.
const appRoot = document.querySelector('base').getAttribute('app-root');
const signInPage = appRoot.substring(0, appRoot.lastIndexOf('/')) + '/store/login';

function leaveTheLoginView() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace(signInPage + '?logout');
  }
}

window.addEventListener('hashchange', leaveTheLoginView);
leaveTheLoginView();

export default [];
