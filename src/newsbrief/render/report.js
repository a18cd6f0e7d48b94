// newsbrief report: citation markers highlight their supporting sentences in the source texts.
// Data comes only from element ids, data-targets attributes and the JSON block's textContent;
// nothing here writes HTML, so article text can never become markup.
(function () {
  "use strict";

  function targetsOf(element) {
    var ids = (element.getAttribute("data-targets") || "").split(" ");
    var found = [];
    for (var i = 0; i < ids.length; i++) {
      var target = ids[i] && document.getElementById(ids[i]);
      if (target) found.push(target);
    }
    return found;
  }

  function clear(className) {
    var marked = document.querySelectorAll("." + className);
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove(className);
  }

  function mark(element, className) {
    clear(className);
    var targets = targetsOf(element);
    for (var i = 0; i < targets.length; i++) targets[i].classList.add(className);
    return targets;
  }

  // Scroll each source column to its highlighted sentence, and the column strip sideways, without
  // moving the page when the columns are already on screen (wide layout: they sit beside the summary).
  function reveal(targets) {
    for (var i = 0; i < targets.length; i++) {
      var sentence = targets[i];
      var box = sentence.closest(".text");
      var column = sentence.closest(".src");
      if (!box || !column) continue;
      box.scrollTop = Math.max(0, sentence.offsetTop - box.clientHeight / 3);
      if (i > 0) continue;
      var strip = column.parentElement;
      if (column.offsetLeft < strip.scrollLeft || column.offsetLeft + column.offsetWidth > strip.scrollLeft + strip.clientWidth) {
        strip.scrollLeft = column.offsetLeft - 8;
      }
      var rect = sentence.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) sentence.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-targets]");
    if (!trigger) return;
    clear("active");
    trigger.classList.add("active");
    reveal(mark(trigger, "hl"));
  });

  // Summary sentences are focusable spans, not buttons: Enter or Space selects them too.
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches && event.target.matches("span[data-targets]")) {
      event.preventDefault();
      event.target.click();
    }
  });

  function hover(event) {
    var trigger = event.target.closest && event.target.closest("[data-targets]");
    if (trigger) mark(trigger, "hov");
  }
  document.addEventListener("mouseover", hover);
  document.addEventListener("focusin", hover);
  document.addEventListener("mouseout", function () {
    clear("hov");
  });

  var download = document.getElementById("download-json");
  if (download) {
    download.addEventListener("click", function () {
      var data = document.getElementById("brief-data").textContent;
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
      link.download = "brief.json";
      link.click();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
      }, 1000);
    });
  }
  // Folded parts (more quotes, the signals behind a source type) are printed unfolded.
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < folded.length; i++) folded[i].setAttribute("open", "");
  });

  var print = document.getElementById("print");
  if (print) {
    print.addEventListener("click", function () {
      window.print();
    });
  }
})();
