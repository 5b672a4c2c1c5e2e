/* A convenience only: a Print button where the page offers one. Without JavaScript the button stays hidden
   and the browser's own Print command does the same. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
