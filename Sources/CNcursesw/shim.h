#ifndef DOSSIER_CNCURSESW_SHIM_H
#define DOSSIER_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags, and the wide-character API (get_wch, add_wch,
   setcchar, cchar_t) is only declared with this switch set before the include. */
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <term.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>

/* What Swift cannot import directly: macros built from casts and shifts, and C globals that
   Swift 6 rejects as shared mutable state. */
static inline WINDOW *dossier_stdscr(void) { return stdscr; }
static inline FILE *dossier_stdout(void) { return stdout; }
static inline FILE *dossier_stdin(void) { return stdin; }
static inline int dossier_key_f0(void) { return KEY_F0; }

/* Mouse masks are macros built from shifts. */
static inline mmask_t dossier_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int dossier_is_click(mmask_t state) { return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int dossier_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int dossier_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }

/* 1 when the current terminfo entry can address the cursor (not a dumb or hardcopy terminal). */
static inline int dossier_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* The terminfo level, for the frame writer: a string capability (NULL when the terminal has
   none or it is not a string), a numeric and a boolean one, and tiparm with one or two
   parameters (Swift cannot call C variadic functions). */
static inline const char *dossier_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
static inline int dossier_tigetnum(const char *name) { return tigetnum(name); }
static inline int dossier_tigetflag(const char *name) { return tigetflag(name) == 1; }
static inline const char *dossier_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline const char *dossier_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }

#endif
