// After a refused form, the error summary takes the focus, so screen readers and keyboard users
// start from the list of problems (each links to its field).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

// "Copy the address" buttons (data-copy names the field to copy): shown only where scripts
// run; the page's status line says it was copied.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      const status = document.querySelector(".copy-status");
      if (status) status.textContent = button.dataset.copied;
    });
  }
});
