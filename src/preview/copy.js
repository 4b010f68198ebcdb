// folio profile preview: the Copy buttons. Runs again after each live update
// (the body is swapped in place), so it listens once, on the document.
(function () {
  "use strict";
  if (window.__folioCopy) return;
  window.__folioCopy = true;

  function announce(message) {
    var status = document.getElementById("copy-status");
    if (status) status.textContent = message;
  }

  // Outside a secure context (another machine's address) there is no
  // navigator.clipboard: copy through a selected, off-screen text area.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy");
    if (!button) return;
    var text = button.getAttribute("data-copy") || "";
    var label = button.getAttribute("data-label") || "the field";
    var word = button.querySelector(".copy-word");
    copy(text).then(function () {
      button.classList.add("done");
      if (word) word.textContent = "Copied ✓";
      announce("Copied " + label + ": " + Array.from(text).length + " characters");
    }, function () {
      if (word) word.textContent = "Not copied";
      announce("Could not copy " + label + ": select the text and copy it by hand");
    }).then(function () {
      window.setTimeout(function () {
        button.classList.remove("done");
        if (word) word.textContent = "Copy";
      }, 2000);
    });
  });
})();
