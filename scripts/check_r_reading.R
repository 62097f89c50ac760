# Reads every table of every shipped dataset version's Data Package export with base R's
# read.csv and the options the package ships (r_colclasses.csv, and na.strings = ""), and fails
# unless every cell comes back as written: codes of digits keep their leading zeros (cameo
# "050", country_numeric "004"), Namibia's code "NA" stays a value, only empty cells are missing.
# From dataset 2.0.0 it also reads the recognition and representation tables: the flag
# recognizes as logical, level_cow_code as integer, missing (never 0) where the level is
# unknown, and the rows of the representation table turned into COW Diplomatic Exchange's
# ccode1, ccode2 and DR_at_1.
#
# Base R has no JSON parser, so it reads the colClasses from r_colclasses.csv, the same classes
# that datapackage.json gives each resource under "taliban_recognition:readOptions".
#
# Usage: Rscript scripts/check_r_reading.R [PYTHON]
#   PYTHON: the interpreter that has the package installed (default: python3). It writes the
#   exports into a temporary folder, which is removed at the end.

here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
source(file.path(here, "r_reading.R"))
python <- python_of()

out <- tempfile("taliban-recognition-r-")
on.exit(unlink(out, recursive = TRUE), add = TRUE)
export <- paste(
  "import sys, taliban_recognition as tr",
  "for v in tr.versions(): tr.load(v).export(f'{sys.argv[1]}/{v}', format='datapackage')",
  "print(*tr.versions())",
  sep = "\n"
)
versions <- run_export(python, export, out)
tables_read <- 0

# The representation table as COW Diplomatic Exchange has it: side 1 is where the mission is,
# side 2 the side it represents, and DR_at_1 the level of side 2's mission at side 1.
cow_rows <- function(periods) {
  in_kabul <- periods$direction == "state_in_afghanistan"
  data.frame(
    ccode1 = ifelse(in_kabul, 700L, periods$country_cow_code),
    ccode2 = ifelse(in_kabul, periods$country_cow_code, 700L),
    DR_at_1 = periods$level_cow_code
  )
}

check_representations <- function(version, periods) {
  where <- paste0(version, " representations.csv")
  codes <- c(none = 0L, charge_d_affaires = 1L, minister = 2L, ambassador = 3L, other = 9L)
  if (!is.integer(periods$level_cow_code)) {
    fail(where, ": level_cow_code is not read as integer")
    return()
  }
  unknown <- periods$level == "unknown"
  if (!identical(is.na(periods$level_cow_code), unknown)) {
    fail(where, ": level_cow_code is not missing exactly where the level is unknown")
  }
  if (!identical(periods$level_cow_code[!unknown], unname(codes[periods$level[!unknown]]))) {
    fail(where, ": level_cow_code is not COW's code of the level")
  }
  if (!any(periods$level_cow_code == 3L, na.rm = TRUE)) {
    fail(where, ": no ambassador (COW 3) read back")
  }
  if (!all(periods$direction %in% c("state_in_afghanistan", "afghanistan_in_state"))) {
    fail(where, ": a direction is neither of the two")
  }
  cow <- cow_rows(periods)
  china <- cow[periods$id == "cn-state-in-afghanistan-ambassador", ]
  if (!identical(unlist(china, use.names = FALSE), c(700L, 710L, 3L))) {
    fail(where, ": China's ambassador in Kabul is not ccode1 700, ccode2 710, DR_at_1 3")
  }
  russia <- cow[periods$id == "ru-afghanistan-in-state-ambassador", ]
  if (!identical(unlist(russia, use.names = FALSE), c(365L, 700L, 3L))) {
    fail(where, ": the Taliban's ambassador in Moscow is not ccode1 365, ccode2 700, DR_at_1 3")
  }
}

for (version in versions) {
  folder <- file.path(out, version)
  classes <- read_classes(folder)
  tables <- list()
  for (name in unique(classes$resource)) {
    where <- paste0(version, " ", name, ".csv")
    mine <- classes[classes$resource == name, ]
    typed <- read_table(folder, name, classes)
    text <- read_text(folder, name)
    tables[[name]] <- typed
    tables_read <- tables_read + 1
    if (!identical(names(typed), mine$column) || !identical(names(text), mine$column)) {
      fail(where, ": columns ", paste(names(typed), collapse = ","), " are not ",
           paste(mine$column, collapse = ","))
      next
    }
    for (i in seq_len(nrow(mine))) {
      check_column(where, typed, text, mine$column[[i]], mine$colClass[[i]])
    }
  }

  # The facts the options are for, said outright, in each table with a row per state: the
  # status periods up to 1.x, the recognition and representation periods from 2.0.0.
  per_state <- intersect(c("statuses", "recognitions", "representations"), names(tables))
  if (length(per_state) == 0) fail(version, ": no table of status, recognition or representation")
  numeric <- tables[["actors"]]$country_numeric
  for (name in per_state) {
    where <- paste0(version, " ", name, ".csv")
    states <- tables[[name]]
    if (!identical(states$country_alpha_2[states$country_alpha_3 == "NAM"][[1]], "NA")) {
      fail(where, ": Namibia's code NA did not stay a value")
    }
    if (anyNA(states$country_alpha_2)) fail(where, ": an alpha-2 code is missing")
    if (!identical(states$country_numeric[states$country_alpha_3 == "AND"][[1]], "020")) {
      fail(where, ": Andorra's numeric code 020 lost its leading zero")
    }
    numeric <- c(numeric, states$country_numeric)
  }
  if (!all(grepl("^[0-9]{3}$", numeric[!is.na(numeric)]))) {
    fail(version, ": a country_numeric code is not three digits")
  }
  cameo <- tables[["events"]]$cameo
  if (!is.null(cameo)) {
    cameo <- cameo[!is.na(cameo)]
    if (!("050" %in% cameo)) fail(version, " events.csv: the cameo code 050 is not read as 050")
    if (!all(grepl("^[0-9]{3,4}$", cameo))) fail(version, " events.csv: a cameo code lost a digit")
  }
  recognitions <- tables[["recognitions"]]
  if (!is.null(recognitions)) {
    if (!is.logical(recognitions$recognizes) || anyNA(recognitions$recognizes)) {
      fail(version, " recognitions.csv: recognizes is not a flag in every row")
    }
    if (!identical(recognitions$recognizes[recognitions$id == "ru-recognizing"], TRUE)) {
      fail(version, " recognitions.csv: Russia's recognition did not read as TRUE")
    }
  }
  representations <- tables[["representations"]]
  if (!is.null(representations)) check_representations(version, representations)
  # Without the options R would lose both, so the checks above can fail.
  naive <- read.csv(file.path(folder, paste0(per_state[[1]], ".csv")))
  if (!is.na(naive$country_alpha_2[naive$country_alpha_3 == "NAM"][[1]])) {
    fail(version, ": R's defaults no longer read NA as missing; this check proves nothing")
  }
}

finish("check_r_reading", sprintf("%s read %d tables of dataset versions %s as written",
                                  R.version.string, tables_read, paste(versions, collapse = ", ")))
