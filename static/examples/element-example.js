// Listens to the advisors' events (they bubble from each <icp-advisor>): the page reacts
// without reaching inside.
const log = document.getElementById('event-log');
document.addEventListener('icp-advisor-change', (e) => {
  log.textContent = `${e.target.id}: ${Object.keys(e.detail.answers).length} answers so far`;
});
document.addEventListener('icp-advisor-result', (e) => {
  log.textContent = `${e.target.id}: result — ${e.detail.verdict ? e.detail.verdict.title : e.detail.flow_title}`;
});
