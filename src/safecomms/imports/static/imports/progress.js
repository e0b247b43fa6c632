// Follows a running chat import: asks the API for its progress every two seconds, updates the
// progress bar, and reloads the page when the import has finished. Without scripts, the page
// offers a link to check again instead.
(function () {
  'use strict'

  var container = document.querySelector('.app-import-progress[data-status-url]')
  if (!container) {
    return
  }
  var url = container.getAttribute('data-status-url')
  var bar = document.getElementById('import-progress-bar')
  var text = document.getElementById('import-progress-text')
  var label = document.getElementById('import-progress-label')
  var status = document.getElementById('import-progress-status')
  var lastAnnounced = -1

  function update (data) {
    var percent = data.progress_percent
    bar.value = percent
    bar.textContent = percent + '%'
    label.firstChild.nodeValue = data.progress_stage + ': '
    text.textContent = percent + '%'
    // Announce every quarter, not every tick, so screen readers are not flooded.
    var quarter = Math.floor(percent / 25)
    if (quarter !== lastAnnounced) {
      lastAnnounced = quarter
      status.textContent = data.progress_stage + ', ' + percent + '% done'
    }
  }

  function poll () {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status)
        }
        return response.json()
      })
      .then(function (data) {
        if (data.status !== 'importing') {
          window.location.reload()
          return
        }
        update(data)
        window.setTimeout(poll, 2000)
      })
      .catch(function () {
        window.setTimeout(poll, 5000)
      })
  }

  window.setTimeout(poll, 1000)
})()
