// Served by `hoshin dev` only, never published: while the data has errors, shows them over
// the page, whose last good version stays on screen. Live reload itself is the Eleventy
// dev server's client, which the server adds to every page.
const OVERLAY_ID = "hoshin-problems";

function show(report) {
  document.getElementById(OVERLAY_ID)?.remove();
  if (!report) return;
  const overlay = document.createElement("div");
  overlay.id = OVERLAY_ID;
  overlay.setAttribute("role", "alert");
  // Styles through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.
  Object.assign(overlay.style, {
    position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
    background: "rgba(20, 20, 20, 0.94)", color: "#fff", font: "14px/1.6 ui-monospace, monospace",
  });
  const heading = document.createElement("p");
  heading.textContent = "hoshin: the last save has problems — this page shows the last good build";
  Object.assign(heading.style, { fontWeight: "bold", color: "#ff8a80", margin: "0 0 1rem" });
  const text = document.createElement("pre");
  text.textContent = report;
  Object.assign(text.style, { whiteSpace: "pre-wrap", margin: "0" });
  overlay.append(heading, text);
  document.body.append(overlay);
}

// The state is asked for once the socket is open, so no save falls between the two: one
// before it is in the answer, one after it arrives as a message (which, being newer, wins).
let heard = false;
const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
socket.addEventListener("open", () => {
  fetch("/.hoshin/problems.json")
    .then((response) => response.json())
    .then((problems) => {
      if (!heard) show(problems.report);
    });
});
socket.addEventListener("message", (event) => {
  const data = JSON.parse(event.data);
  if (data.type !== "hoshin.problems") return;
  heard = true;
  show(data.report);
});
