/* Bellwether search: looks up titles, tickers and key points in the index the build wrote to
   search/search-index.js (a script, not a fetched file, so it works opened from disk too).
   Results are built with DOM methods and textContent only: index text never becomes markup.
   Without JavaScript the page still links to every ticker and day. */
(function () {
  "use strict";
  var data = window.BELLWETHER_SEARCH;
  var form = document.querySelector(".search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !form || !input || !status || !list) return;

  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  var LABELS = { "positive": ["▲", "positive"], "mildly-positive": ["△", "mildly positive"],
    "neutral": ["◆", "neutral"], "mildly-negative": ["▽", "mildly negative"], "negative": ["▼", "negative"] };
  var MAX_RESULTS = 100;

  function normalize(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(s) {
    return normalize(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Each document's words, computed once.
  var docs = data.docs.map(function (d) {
    return {
      raw: d,
      title: words(d[F.title]),
      tickers: words(d[F.tickers]),
      points: words(d[F.points]),
      pointLines: d[F.points] ? d[F.points].split("\n") : []
    };
  });

  function hasPrefix(list, term) {
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) return true;
    return false;
  }

  // Every term must match somewhere; a ticker counts most, then the title, then key points.
  function score(doc, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (doc.tickers.indexOf(t) >= 0) s += 6;
      else if (hasPrefix(doc.tickers, t)) s += 4;
      if (hasPrefix(doc.title, t)) s += 3;
      if (hasPrefix(doc.points, t)) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function snippet(doc, terms) {
    for (var i = 0; i < doc.pointLines.length; i++) {
      var w = words(doc.pointLines[i]);
      for (var j = 0; j < terms.length; j++) if (hasPrefix(w, terms[j])) return doc.pointLines[i];
    }
    return doc.pointLines[0] || "";
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function badge(slug, scoreText) {
    var label = LABELS[slug] || LABELS.neutral;
    var b = el("span", "badge badge-" + (LABELS[slug] ? slug : "neutral"));
    var icon = el("span", "badge-icon", label[0]);
    icon.setAttribute("aria-hidden", "true");
    b.appendChild(icon);
    b.appendChild(document.createTextNode(" " + label[1] + " "));
    b.appendChild(el("span", "badge-score", scoreText));
    return b;
  }

  function render(query) {
    var terms = words(query);
    list.textContent = "";
    if (terms.length === 0) {
      status.textContent = "Type a ticker, a company or a phrase: " + docs.length + " articles are indexed.";
      return;
    }
    var hits = [];
    docs.forEach(function (doc, i) {
      var s = score(doc, terms);
      if (s > 0) hits.push({ doc: doc, score: s, order: i });
    });
    // Best match first; the index is newest first, so ties keep the newest on top.
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var shown = hits.slice(0, MAX_RESULTS);
    status.textContent = hits.length === 0
      ? "No articles match “" + query.trim() + "”."
      : hits.length + (hits.length === 1 ? " article matches" : " articles match") + " “" + query.trim() + "”" +
        (hits.length > shown.length ? "; the best " + shown.length + " are shown." : ".");
    shown.forEach(function (hit) {
      var d = hit.doc.raw;
      var li = el("li");
      var a = el("a", "result-title", d[F.title]);
      a.href = "../" + d[F.href];
      li.appendChild(a);
      var meta = el("p", "result-meta");
      meta.appendChild(badge(d[F.label], d[F.score]));
      var time = el("time", "", d[F.day]);
      time.setAttribute("datetime", d[F.day]);
      meta.appendChild(time);
      if (d[F.tickers]) meta.appendChild(el("span", "symbol", d[F.tickers]));
      li.appendChild(meta);
      var text = snippet(hit.doc, terms);
      if (text) li.appendChild(el("p", "result-snippet", text));
      list.appendChild(li);
    });
  }

  function remember(query) {
    // Keeps the query in the address so results can be shared; some browsers refuse this for
    // file:// pages, which only costs the shareable address.
    try {
      var url = query ? "?q=" + encodeURIComponent(query) : location.pathname.split("/").pop();
      history.replaceState(null, "", url);
    } catch (e) { /* file:// in a strict browser */ }
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { render(input.value); remember(input.value); }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
    remember(input.value);
  });

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  render(initial);
})();
