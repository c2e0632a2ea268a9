// Progressive enhancement: start keyboard and screen reader users at the list of problems of a refused form.
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
}
