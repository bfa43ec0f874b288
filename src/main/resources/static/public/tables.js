// What the public site's tables share (index.js, procurements.js): a cell, and amounts printed as
// Shequ prints them everywhere (Amounts.format: 12,345.67; the API and CSV keep the plain 12345.67).
function yuan(text) {
  return /^-?\d+\.\d{2}$/.test(text) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}
function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : (cls === 'money' ? yuan(String(text)) : text);
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}
