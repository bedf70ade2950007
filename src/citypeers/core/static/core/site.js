// After a refused form, the error summary takes the focus, so screen readers and keyboard users
// start from the list of problems (each links to its field).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});
