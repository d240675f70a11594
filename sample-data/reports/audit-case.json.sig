{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case.json",
  "reportSha256" : "3ad37cf3282bd5484d58233aa022f57ee53c67a23343af7cf11ba78a46015ff9",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "GDmRDOcLra0vWpCbsd/QK+04qAkaDNC3v3dvtMlG0qcA5H+P476mX9tgMaRyifFkRgpUfgWPLpxhkPE5jcAsAg=="
}