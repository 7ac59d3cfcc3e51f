// The "Print" buttons of the workbook and handbook pages. They stay hidden without JavaScript,
// where the browser's own Print command does the same.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
