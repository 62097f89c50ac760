# Reads panel exports (Panel.export(..., format="datapackage")) with base R's read.csv and the
# options the package ships (r_colclasses.csv, na.strings = ""), as the panels page advises,
# and fails unless every cell comes back as written: codes keep their leading zeros, Namibia's
# "NA" stays a code, days are Dates, the uncertainty columns (status_code missing where the
# status is unknown, the bounds, the shares, DR_at_1 and its bounds) keep their values and their
# missing cells. Then it does what the panels page shows: merges a state-year panel onto a COW
# state-year frame by ccode and year, and reads China's ambassador off the dyad-year panel.
#
# Usage: Rscript scripts/check_panel_reading.R [PYTHON]
#   PYTHON: the interpreter that has the package installed (default: python3).

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
source(file.path(here, "r_reading.R"))
python <- python_of()

out <- tempfile("taliban-recognition-panels-")
on.exit(unlink(out, recursive = TRUE), add = TRUE)
export <- paste(
  "import sys, taliban_recognition as tr",
  "ds = tr.load('2.0.0')",
  "panels = {",
  "    'state_year': ds.panel('year'),",
  "    'state_year_over': ds.panel('year', at='period'),",
  "    'dyad_year': ds.dyad_panel('year'),",
  "    'state_month_draws': ds.panel('month', countries=['RU', 'NA', 'AD'], start='2025-01-01',",
  "                                  draws=ds.draws(3, seed=2)),",
  "    'state_year_1_2_0': tr.load('1.2.0').panel('year'),",
  "}",
  "for name, panel in panels.items():",
  "    panel.export(f'{sys.argv[1]}/{name}', format='datapackage')",
  "print(*panels)",
  sep = "\n"
)
names <- run_export(python, export, out)

read_panel <- function(folder) {
  classes <- read_classes(folder)
  name <- classes$resource[[1]]
  list(classes = classes, typed = read_table(folder, name, classes), text = read_text(folder, name))
}

panels <- list()
for (name in names) {
  read <- read_panel(file.path(out, name))
  panels[[name]] <- read$typed
  for (i in seq_len(nrow(read$classes))) {
    column <- read$classes$column[[i]]
    r_class <- read$classes$colClass[[i]]
    check_column(name, read$typed, read$text, column, r_class)
  }
  panel <- read$typed
  if (!identical(unique(panel$country_alpha_2[panel$country_alpha_3 == "NAM"]), "NA")) {
    fail(name, ": Namibia's code NA did not stay a value")
  }
  if (!is.null(panel$country_numeric) &&
      !identical(unique(panel$country_numeric[panel$country_alpha_3 == "AND"]), "020")) {
    fail(name, ": Andorra's numeric code 020 lost its leading zero")
  }
  if (!is.null(panel$status_code)) {
    unknown <- panel$status == "unknown"
    if (!identical(is.na(panel$status_code), unknown)) {
      fail(name, ": status_code is not missing exactly where the status is unknown")
    }
    if (!all(panel$status_min_code <= panel$status_max_code)) {
      fail(name, ": a lower bound is above its upper bound")
    }
  }
}

# A COW state-year frame (Russia, China, the United States in 2025), merged by code and year.
cow <- data.frame(ccode = c(2L, 365L, 710L), year = 2025L)
merged <- merge(cow, panels[["state_year"]], by.x = c("ccode", "year"),
                by.y = c("country_cow_code", "year"), all.x = TRUE)
if (!identical(merged$status_code, c(NA, 2L, 1L))) {
  fail("state_year merged onto COW codes: status_code is not NA, 2, 1 for 2, 365, 710 in 2025")
}
if (!identical(merged$status_max_code, c(1L, 2L, 1L))) {
  fail("state_year merged onto COW codes: the upper bounds are not 1, 2, 1")
}
over <- panels[["state_year_over"]]
russia <- over[over$country_alpha_2 == "RU" & over$year == 2025, ]
if (!isTRUE(all.equal(russia$share_formal_recognition, 1 / 184)) || !is.na(russia$recognizes)) {
  fail("state_year_over: Russia's 2025 is not 1 day of 184 formally recognizing, recognizes NA")
}
dyads <- panels[["dyad_year"]]
china <- dyads[which(dyads$ccode1 == 700L & dyads$ccode2 == 710L & dyads$year == 2025L), ]
if (!identical(c(china$DR_at_1, china$DR_at_2, china$DE), c(3L, NA, 1L))) {
  fail("dyad_year: China's ambassador in Kabul is not DR_at_1 3, DR_at_2 NA, DE 1 in 2025")
}
if (!identical(china$DR_at_2_possible, "0;1;2;3;9")) {
  fail("dyad_year: DR_at_2_possible of China in 2025 is not 0;1;2;3;9")
}
draws <- panels[["state_month_draws"]]
if (!identical(sort(unique(draws$draw)), 1:3)) fail("state_month_draws: the draws are not 1 to 3")
# Without the options R would lose Namibia's code, so the check above can fail.
naive <- read.csv(file.path(out, "state_year", "state_year.csv"))
if (!is.na(naive$country_alpha_2[naive$country_alpha_3 == "NAM"][[1]])) {
  fail("R's defaults no longer read NA as missing; this check proves nothing")
}

finish("check_panel_reading", sprintf("%s read %d panels as written (%s)", R.version.string,
                                      length(names), paste(names, collapse = ", ")))
