{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "small-business-bank-Q2.pdf",
  "reportSha256" : "3037e8f94dbab5c4d8f74070876620f246fdc429be06c0b0ad14b349aa978ab8",
  "verifiedThroughPosition" : 762,
  "headHash" : "0c61996584e9247828be8f8b2f10c2cb4c9dd16e16bb084a528a3533e9dd0306",
  "signature" : "SPgbj31m9RD+HRVEbwjJlRF/5nwpLZb8ApOjwl+yOZFUqKIBTbjk6avtiDeDGijBJAqK8+hYTB6iulsbndRBAA=="
}