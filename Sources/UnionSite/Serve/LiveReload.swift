/// The small script `serve` adds to every HTML page it sends (never to `build` output).
///
/// It keeps a WebSocket open to the server. After a rebuild has fully finished the server
/// sends the new generation and the page reloads, keeping its scroll position; when a
/// rebuild fails it sends the problems and the page shows them over the content.
enum LiveReload {
    static let socketPath = "/__unionsite/live"

    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(tag(generation: generation).utf8)
        let closing = Array("</body>".utf8)
        guard let index = lastIndex(of: closing, in: html) else { return html + script }
        return Array(html[..<index]) + script + Array(html[index...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }

    static func tag(generation: Int) -> String {
        "<script>window.__unionsiteGeneration=\(generation);\n\(script)</script>\n"
    }

    static let script = """
    (function () {
      var key = "unionsite-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        var y = parseInt(saved, 10);
        var restore = function () { window.scrollTo(0, y); };
        if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
      }
      function overlay(problems) {
        var box = document.getElementById("unionsite-overlay");
        if (!problems.length) { if (box) { box.remove(); } return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "unionsite-overlay";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:16px/1.5 ui-monospace,monospace;padding:2rem;";
          document.body.appendChild(box);
        }
        box.textContent = "";
        var h = document.createElement("h2");
        h.textContent = "The site did not build. The last good version is still being served.";
        h.style.cssText = "font:700 1.3rem system-ui,sans-serif;margin:0 0 1rem;color:#ffdd00;";
        box.appendChild(h);
        var list = document.createElement("ul");
        list.style.cssText = "list-style:none;padding:0;margin:0;";
        problems.forEach(function (p) {
          var li = document.createElement("li");
          li.className = "unionsite-problem";
          li.textContent = p;
          li.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap;";
          list.appendChild(li);
        });
        box.appendChild(list);
        var note = document.createElement("p");
        note.textContent = "Fix the file and save it: this page reloads by itself.";
        box.appendChild(note);
      }
      function connect() {
        var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
        ws.onmessage = function (event) {
          var state = JSON.parse(event.data);
          if (state.generation !== window.__unionsiteGeneration && !state.problems.length) {
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
            return;
          }
          overlay(state.problems);
        };
        ws.onclose = function () { setTimeout(connect, 1000); };
      }
      connect();
    })();
    """
}
