# What check_r_reading.R and check_panel_reading.R share: running the package's export in the
# interpreter given, reading a Data Package table as the docs advise (r_colclasses.csv and
# na.strings = "") and as exact text, what a typed column must be given its text, and the
# list of failures the checks report at the end. Sourced by both; not run on its own.

python_of <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  if (length(args) >= 1) args[[1]] else "python3"
}

# Runs `code` in `python` with the folder `out` as its argument; returns the words of the one
# line it prints, or stops with what it printed.
run_export <- function(python, code, out) {
  printed <- system2(python, c("-c", shQuote(code), shQuote(out)), stdout = TRUE)
  if (!is.null(attr(printed, "status")) || length(printed) != 1) {
    stop("the export failed: ", python, " printed ", paste(printed, collapse = "\n"))
  }
  strsplit(printed, " ", fixed = TRUE)[[1]]
}

failures <- character(0)
fail <- function(...) failures <<- c(failures, paste0(...))

read_classes <- function(folder) {
  read.csv(file.path(folder, "r_colclasses.csv"), colClasses = "character", encoding = "UTF-8")
}

# The options, exactly as the exports and panels pages say to use them.
read_table <- function(folder, name, classes = read_classes(folder)) {
  mine <- classes[classes$resource == name, ]
  read.csv(file.path(folder, paste0(name, ".csv")), encoding = "UTF-8", na.strings = "",
           colClasses = setNames(mine$colClass, mine$column))
}

# Every cell's exact text: nothing is missing, nothing is converted.
read_text <- function(folder, name) {
  read.csv(file.path(folder, paste0(name, ".csv")), encoding = "UTF-8",
           na.strings = character(0), colClasses = "character")
}

# What the typed column must be, given the text of its cells.
expected_column <- function(text, r_class) {
  missing <- text == ""
  switch(r_class,
    character = ifelse(missing, NA_character_, text),
    integer = as.integer(ifelse(missing, NA, text)),
    numeric = as.numeric(ifelse(missing, NA, text)),
    logical = ifelse(missing, NA, text == "true"),
    Date = as.Date(ifelse(missing, NA, text)),
    stop("no check for colClass ", r_class)
  )
}

# Fails unless the typed column has its class and reads back as its text was written.
check_column <- function(where, typed, text, column, r_class) {
  if (!identical(class(typed[[column]]), r_class)) {
    fail(where, ": ", column, " reads as ", class(typed[[column]])[[1]], ", not ", r_class)
  } else if (r_class == "logical" && !all(text[[column]] %in% c("true", "false", ""))) {
    fail(where, ": ", column, " holds a flag that is neither true nor false")
  } else if (!identical(typed[[column]], expected_column(text[[column]], r_class))) {
    fail(where, ": ", column, " does not read back as written")
  }
}

# Exits 1 with the failures, else prints `message`.
finish <- function(script, message) {
  if (length(failures) > 0) {
    cat(paste0(script, ": ", failures, "\n"), sep = "", file = stderr())
    quit(status = 1)
  }
  cat(script, ": ", message, "\n", sep = "")
}
