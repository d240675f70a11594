{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case-entry-LATE-0001.letter.pdf",
  "reportSha256" : "210bfb85c5a0692602de7f48e83a3687ea51edff3862d44715e1c30c44652918",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "PWIxqH2q9OYR4OSypLBbBeazY2haJz8H8FXX3bue69dIV8JVVBpaYTKwcXc1IuCP5eBNhggKDieoP96dbQ2EDA=="
}