// Fits each printed device card to its A6 page, as the app's print sheet does
// (src/pages/cards/print.rs): the sheet is laid out at paper size on screen, out of
// sight (card.css), so each card is measured against its cell and its type shrunk step
// by step (the --fit variable, 100 % down to 40 %) until it fits. A card is never split
// or cut, in any language or at any value's length. The measurement runs when the page
// loads and again once its fonts are in and before a print, without waiting for a
// `beforeprint` event, which a PDF printer may never send. Each card says which size it
// got (data-fit), so a test can wait for it.
(function () {
  "use strict";
  var steps = [];
  for (var step = 0; step <= 15; step++) steps.push((100 - 4 * step) / 100);

  function fitCards() {
    var cells = document.querySelectorAll(".card-sheet .sheet-cell");
    for (var i = 0; i < cells.length; i++) {
      var cell = cells[i];
      var card = cell.firstElementChild;
      if (!card) continue;
      var chosen = steps[steps.length - 1];
      for (var s = 0; s < steps.length; s++) {
        // Through the CSS object model, which a policy refusing style attributes allows.
        card.style.setProperty("--fit", String(steps[s]));
        // The cell pads the card evenly, so the card fits when it and twice its offset
        // from the cell's top fit in the cell's height.
        if (card.offsetHeight + 2 * card.offsetTop <= cell.clientHeight && card.scrollWidth <= card.clientWidth) {
          chosen = steps[s];
          break;
        }
      }
      card.style.setProperty("--fit", String(chosen));
      card.setAttribute("data-fit", String(chosen));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    fitCards();
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitCards);
  });
  window.addEventListener("beforeprint", fitCards);
})();
