/* unionsite site search: no libraries, nothing external. Reads the static index the build writes
   under /search/ (see Render/Search/SearchIndex.swift): meta.json, then only the term shards a
   query's stems need, then only the document chunks its shown results need.
   The tokeniser, stop words and stemmer are the same as the Swift ones (SearchTokenizer.swift,
   EnglishStemmer.swift): change both together. Everything put in the page goes through
   textContent or createElement, never innerHTML. */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-input");
  var kinds = document.getElementById("search-kinds");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var moreButton = more.querySelector("button");

  /* ---- Words: the page's language's, from its string table (ThemeStrings.searchScriptJSON);
     English when a site's own search page template does not give them. ---- */
  var STRINGS = {
    unsupported: "Search does not work in this browser. Browse the guide, principles, articles and vacancies from the menu instead.",
    unavailable: "Search is not available at the moment. Browse the guide, principles, articles and vacancies from the menu instead.",
    no_words: "No words to search for in {query}: try a more particular word.",
    results: { one: "{count} result", other: "{count} results" },
    or_more: "{count} or more results",
    none: "No results for {query}. Try another word, or browse the guide, principles, articles and vacancies from the menu",
    all_for: "{count} for {query}",
    some_for: "{count} for {query} in the kinds chosen ({total} in all)",
    total_or_more: "{count} or more",
    showing: ", showing the first {count}",
    kinds: { article: "Article", principle: "Principle document", guide: "Member guide", page: "Page", vacancy: "Vacancy" },
    rule: "one-other"
  };
  try {
    var given = document.getElementById("search-strings");
    if (given) STRINGS = JSON.parse(given.textContent);
  } catch (e) { /* keep English */ }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  /** CLDR's plural category, by the same fixed rules as PluralRule.swift. */
  function category(count) {
    if (STRINGS.rule === "welsh") return { 0: "zero", 1: "one", 2: "two", 3: "few", 6: "many" }[count] || "other";
    return count === 1 ? "one" : "other";
  }

  function results(count) {
    return fill(STRINGS.results[category(count)] || STRINGS.results.other, { count: count });
  }

  var WORD_SPLIT, WORD_PART;
  try {
    WORD_SPLIT = new RegExp("[^\\p{L}\\p{M}\\p{N}]+", "u");
    WORD_PART = new RegExp("([\\p{L}\\p{M}\\p{N}]+)", "u");
  } catch (e) {
    status.textContent = STRINGS.unsupported;
    return;
  }
  if (!window.fetch || !window.Promise || !String.prototype.normalize || !window.Map || !window.Set) {
    status.textContent = STRINGS.unsupported;
    return;
  }
  form.hidden = false;
  kinds.hidden = false;

  /* ---- Words: SearchTokenizer.swift ---- */

  var STOP_WORDS = new Set(("about after all also an and any are as at be been being but by can could did do does for " +
    "from had has have he her his how if in into is it its not of on or our she so such than that the their them " +
    "then there these they this those to was we were what when where which who will with would you your").split(" "));

  function words(text) {
    return text.normalize("NFC").toLowerCase().split(WORD_SPLIT).filter(function (word) {
      var length = Array.from(word).length;
      return length >= 2 && length <= 40;
    });
  }

  /* ---- The stemmer: EnglishStemmer.swift, rule for rule ---- */

  var KEPT = new Set(["always", "analysis", "basis", "bias", "canvas", "crisis", "news", "perhaps", "series", "species", "whereas"]);
  var SUFFIXES = [["ation", 4, false], ["ment", 4, false], ["ing", 3, true], ["ed", 3, true], ["ly", 4, false]];

  function ends(word, suffix) { return word.slice(-suffix.length) === suffix; }

  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    if (!KEPT.has(word)) {
      if (ends(w, "sses")) w = w.slice(0, -2);
      else if (ends(w, "ies")) w = w.length > 4 ? w.slice(0, -3) + "y" : w.slice(0, -1);
      else if (ends(w, "xes") || ends(w, "ches") || ends(w, "shes") || ends(w, "zzes")) w = w.slice(0, -2);
      else if (ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") && w.length > 3) w = w.slice(0, -1);
    }
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i][0];
      if (!ends(w, suffix)) continue;
      var rest = w.slice(0, -suffix.length);
      var ok = rest.length >= SUFFIXES[i][1] && /[aeiouy]/.test(rest) &&
        !(suffix === "ed" && ends(rest, "e")) && !(suffix === "ly" && ends(rest, "p"));
      if (ok) {
        w = rest;
        var last = w.charAt(w.length - 1);
        if (SUFFIXES[i][2] && w.length >= 2 && last === w.charAt(w.length - 2) && !/[aeiouylsz]/.test(last)) w = w.slice(0, -1);
      }
      break;
    }
    if (w.length > 3 && ends(w, "e") && w.charAt(w.length - 2) !== "e") w = w.slice(0, -1);
    return w;
  }

  /* ---- Languages: SearchLanguage.swift. English words are stemmed; any other language's are
     kept whole with their accents folded (there is no Welsh stemmer). ---- */
  var ENGLISH = /^en(-|$)/i.test(document.documentElement.getAttribute("lang") || "en");

  /** A word's index key in English or another language, or null for an English stop word. */
  function keyIn(english, word) {
    if (!english) return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
    return STOP_WORDS.has(word) ? null : stem(word);
  }

  function key(word) { return keyIn(ENGLISH, word); }

  /** The distinct keys of a text, stop words left out. */
  function stems(text) {
    var seen = new Set();
    words(text).forEach(function (word) {
      var found = key(word);
      if (found !== null) seen.add(found);
    });
    return Array.from(seen);
  }

  // For the browser test: the same function the page uses.
  window.unionsiteSearch = { stem: stem, stems: stems, keyIn: keyIn };

  /* ---- The index: SearchIndex.swift ---- */

  var base = form.getAttribute("data-index");
  var fetched = new Map();

  function load(path) {
    if (!fetched.has(path)) {
      fetched.set(path, fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      }).catch(function (error) {
        fetched.delete(path);
        throw error;
      }));
    }
    return fetched.get(path);
  }

  /** The shard holding a stem: the longest shard name that starts the stem's key. */
  function shardOf(term, shards) {
    var key = Array.from(term).map(function (c) { return /^[a-z0-9]$/.test(c) ? c : "_"; });
    for (var length = key.length; length >= 1; length--) {
      var name = key.slice(0, length).join("");
      if (shards.has(name)) return name;
    }
    return null;
  }

  function postings(term, meta) {
    var name = shardOf(term, meta.shardSet);
    if (!name) return Promise.resolve([]);
    return load("terms/" + name + ".json").then(function (shard) {
      return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : [];
    });
  }

  /* ---- Searching and showing ---- */

  var PAGE = 20;
  /** Stems looked up per query: each costs one shard, so this bounds a query's download. */
  var MAX_STEMS = 8;
  var state = null;
  var run = 0;
  var renders = 0;

  function kindOf(doc, meta) {
    for (var i = 0; i < meta.kinds.length; i++) {
      var kind = meta.kinds[i];
      if (doc >= kind.first && doc < kind.first + kind.count) return kind.kind;
    }
    return "page";
  }

  function enabledKinds() {
    var enabled = new Set();
    kinds.querySelectorAll("input[type=checkbox]").forEach(function (box) { if (box.checked) enabled.add(box.value); });
    return enabled;
  }

  function quoted(query) { return "\u201c" + query + "\u201d"; }

  function search(query) {
    var current = ++run;
    var terms = stems(query).slice(0, MAX_STEMS);
    state = null;
    list.textContent = "";
    more.hidden = true;
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    if (!terms.length) {
      status.textContent = fill(STRINGS.no_words, { query: quoted(query) });
      return;
    }
    load("meta.json").then(function (meta) {
      if (!meta.shardSet) meta.shardSet = new Set(meta.shards);
      return Promise.all(terms.map(function (term) { return postings(term, meta); })).then(function (lists) {
        if (current !== run) return;
        var score = new Map(), matched = new Map();
        lists.forEach(function (entries) {
          entries.forEach(function (entry) {
            score.set(entry[0], (score.get(entry[0]) || 0) + entry[1]);
            matched.set(entry[0], (matched.get(entry[0]) || 0) + 1);
          });
        });
        // Pages with every word first, then by summed score; ties by index order, so results are stable.
        var docs = Array.from(score.keys()).sort(function (a, b) {
          return (matched.get(b) - matched.get(a)) || (score.get(b) - score.get(a)) || (a - b);
        });
        // A stem keeps only its best postingsCap pages, so a count at the cap is a lower bound.
        var capped = lists.some(function (entries) { return entries.length >= meta.postingsCap; });
        state = { query: query, terms: new Set(terms), docs: docs, meta: meta, limit: PAGE, capped: capped };
        show(false);
      });
    }).catch(function () {
      if (current !== run) return;
      status.textContent = STRINGS.unavailable;
    });
  }

  /** Renders the results that pass the kind filter, fetching only the chunks they need. */
  function show(focusFrom) {
    if (!state) return;
    var shownState = state;
    var render = ++renders;
    var meta = state.meta;
    var enabled = enabledKinds();
    var visible = state.docs.filter(function (doc) { return enabled.has(kindOf(doc, meta)); });
    var shown = visible.slice(0, state.limit);
    var chunks = new Set(shown.map(function (doc) { return Math.floor(doc / meta.chunkSize); }));
    Promise.all(Array.from(chunks).map(function (chunk) {
      return load("docs/" + chunk + ".json").then(function (docs) { return [chunk, docs]; });
    })).then(function (loaded) {
      if (state !== shownState || render !== renders) return;
      var byChunk = new Map(loaded);
      list.textContent = "";
      shown.forEach(function (doc) {
        var entry = byChunk.get(Math.floor(doc / meta.chunkSize))[doc % meta.chunkSize];
        if (entry) list.appendChild(result(entry, state.terms));
      });
      var total = state.docs.length;
      var query = quoted(state.query);
      var count = state.capped ? fill(STRINGS.or_more, { count: total }) : results(total);
      var all = state.capped ? fill(STRINGS.total_or_more, { count: total }) : String(total);
      var text;
      if (!total) text = fill(STRINGS.none, { query: query });
      else if (visible.length === total) text = fill(STRINGS.all_for, { count: count, query: query });
      else text = fill(STRINGS.some_for, { count: results(visible.length), query: query, total: all });
      if (shown.length < visible.length) text += fill(STRINGS.showing, { count: shown.length });
      status.textContent = text + ".";
      more.hidden = shown.length >= visible.length;
      if (focusFrom !== false && list.children[focusFrom]) list.children[focusFrom].querySelector("a").focus();
    }).catch(function () {
      if (state !== shownState || render !== renders) return;
      status.textContent = STRINGS.unavailable;
    });
  }

  function result(entry, terms) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = entry.url;
    link.textContent = entry.title;
    heading.appendChild(link);
    var kind = document.createElement("p");
    kind.className = "search-result__kind";
    kind.textContent = STRINGS.kinds[entry.kind] || entry.kind;
    var snippet = document.createElement("p");
    snippet.className = "search-result__snippet";
    highlight(snippet, entry.snippet || "", terms);
    item.appendChild(heading);
    item.appendChild(kind);
    item.appendChild(snippet);
    return item;
  }

  /** Appends text to an element with the words whose stem was searched for in <mark>. */
  function highlight(element, text, terms) {
    text.split(WORD_PART).forEach(function (part, index) {
      if (!part) return;
      var word = part.normalize("NFC").toLowerCase();
      if (index % 2 === 1 && key(word) !== null && terms.has(key(word))) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  /* ---- The page: ?q= in the address, so results can be linked and the back button works ---- */

  var title = document.title;

  function fromAddress() {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    document.title = query.trim() ? quoted(query.trim()) + ": " + title : title;
    search(query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.pushState(null, "", url.href);
    document.title = query ? quoted(query) + ": " + title : title;
    search(query);
  });

  kinds.addEventListener("change", function () {
    if (state) { state.limit = PAGE; show(false); }
  });

  moreButton.addEventListener("click", function () {
    if (!state) return;
    var from = list.children.length;
    state.limit += PAGE;
    show(from);
  });

  window.addEventListener("popstate", fromAddress);
  fromAddress();
})();
