{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAbLVi4vK2zuxXPYl7EqARht5dfHUXubDp+JnK8vXJg3Y=",
  "publicKeyFingerprint" : "e16de2f9057eeacada089ff0cf6e1eaccfe27c6244359dbda4e76960f4a19db1",
  "report" : "audit-case.pdf",
  "reportSha256" : "c33780912e9ee3062e5e51f45d7dc1137f0934fdf0b1e5a96d9d293d27f548e7",
  "verifiedThroughPosition" : 625,
  "headHash" : "d142bacae07f34986d04efea47846c99cb4966157aaf9d3097dfaa68dc417ef6",
  "signature" : "t9ocYxMItl2u6OX4j0QdJp9jhm3n/i00ZWj2pp2M0NaXwySPAnKq/7Bm7w46Z5xgj4CUBY7qGMxB0YlEKOEBDQ=="
}