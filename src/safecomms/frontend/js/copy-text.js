// "Copy" buttons for read-only text, such as the redacted copy of a checked message.
// Each `.app-copy[data-copy-target]` wrapper is hidden until this script shows it, so people
// without scripts are never offered a button that does nothing; they can select the text instead.
(function () {
  'use strict'

  function copyFrom (field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value)
    }
    field.focus()
    field.select()
    var copied = false
    try {
      copied = document.execCommand('copy')
    } catch (error) {
      copied = false
    }
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'))
  }

  document.querySelectorAll('.app-copy[data-copy-target]').forEach(function (wrapper) {
    var field = document.getElementById(wrapper.getAttribute('data-copy-target'))
    var button = wrapper.querySelector('button')
    var status = wrapper.querySelector('.app-copy__status')
    if (!field || !button) {
      return
    }
    wrapper.hidden = false
    button.addEventListener('click', function () {
      copyFrom(field).then(function () {
        if (status) { status.textContent = 'Copied. You can now paste the redacted copy.' }
      }, function () {
        field.focus()
        field.select()
        if (status) { status.textContent = 'Your browser did not allow copying. The text is selected: copy it with your keyboard.' }
      })
    })
  })
})()
