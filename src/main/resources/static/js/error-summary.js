// A form the server shows again with errors starts with its error summary (id "error-summary", tabindex -1): the
// focus moves to it, so that keyboard and screen-reader users meet the problems first. Each of its links moves the
// focus to the field it names (or to the first field of the group it names) and scrolls the field's label into view.
(function () {
  var summary = document.getElementById('error-summary');
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var fields = 'input:not([type=hidden]), select, textarea';
    var field = target && (target.matches(fields) ? target : target.querySelector(fields));
    if (!field) {
      return;
    }
    event.preventDefault();
    var details = field.closest('details');
    if (details) {
      details.open = true;
    }
    field.focus({ preventScroll: true });
    (field.labels && field.labels.length ? field.labels[0] : field).scrollIntoView({ block: 'center' });
  });
})();
