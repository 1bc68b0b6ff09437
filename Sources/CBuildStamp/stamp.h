#ifndef DOSSIER_CBUILDSTAMP_STAMP_H
#define DOSSIER_CBUILDSTAMP_STAMP_H

/* The commit a binary was built from, when its build said so. scripts/package.sh compiles a
   one-line object that defines this array and links it in (-Xlinker commit-HASH.o); a plain
   `swift build` links none, and the weak reference is then null ("commit unknown"). A linked
   object, not a -D flag: a flag seen by every compile would rebuild the whole package at each
   commit, where a new object only relinks. */
extern const char dossier_commit_stamp[] __attribute__((weak));

static inline const char *dossier_build_commit(void) {
    return dossier_commit_stamp;
}

#endif
