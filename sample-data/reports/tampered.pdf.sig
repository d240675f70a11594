{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAn8fgBKzGghNbSPfHKsTdSxB3z4LBMVe3vgJYIOQyqAI=",
  "publicKeyFingerprint" : "c84e70d4dafe2fe04cfc201a1d7505df317837365800db888a4d5a8d01556840",
  "report" : "tampered.pdf",
  "reportSha256" : "5ff791ea388003507ee4e62d1010bd9dac3ae7bd73bc82c391ed1dfd6258f0e8",
  "verifiedThroughPosition" : 249,
  "headHash" : "177d9302601cc3d81df1e751fcf1096164619e39dc7064ce6717f379987e2f5f",
  "signature" : "xNImEYgrVvUY0h5gDsqpKl3fOmIJn2PKApc4X+hwkt1Bw9hnxwspJkXqfeQm9GEF+WCj9UfqHga4bygga/vPDQ=="
}