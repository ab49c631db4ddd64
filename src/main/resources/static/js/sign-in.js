// The browser keeps the part after "#" of the page that was asked for (a Tasklist task link names its task there)
// when it is sent to the sign-in page, but never sends it to the server: hand it to the sign-in form.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.getElementById('sign-in-fragment');
  if (field && window.location.hash.indexOf('#/') === 0) {
    field.value = window.location.hash;
  }
});
