import { initAll } from '/static/govuk-frontend/govuk-frontend.min.js'

initAll()
