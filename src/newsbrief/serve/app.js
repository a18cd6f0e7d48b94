// newsbrief web page: drag-and-drop onto the file input, and more paste boxes.
// File names are shown with textContent only, never as HTML.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var list = document.getElementById("file-list");

  function showFiles() {
    while (list.firstChild) list.removeChild(list.firstChild);
    for (var i = 0; i < input.files.length; i++) {
      var item = document.createElement("li");
      item.textContent = input.files[i].name + " (" + input.files[i].size + " bytes)";
      list.appendChild(item);
    }
  }

  input.addEventListener("change", showFiles);
  drop.addEventListener("dragover", function (event) {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", function () {
    drop.classList.remove("over");
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showFiles();
    }
  });

  document.getElementById("add-text").addEventListener("click", function () {
    var boxes = document.querySelectorAll("#texts textarea");
    var box = boxes[0].cloneNode(false);
    box.value = "";
    box.setAttribute("aria-label", "Article text " + (boxes.length + 1));
    document.getElementById("texts").appendChild(box);
    box.focus();
  });

  var submit = document.getElementById("submit");
  document.getElementById("brief-form").addEventListener("submit", function () {
    submit.disabled = true;
    submit.textContent = "Working…";
  });
  // Coming back with the Back button restores the page as it was left: make it usable again.
  window.addEventListener("pageshow", function () {
    submit.disabled = false;
    submit.textContent = "Make the briefing";
  });
})();
