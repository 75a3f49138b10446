extension String {
    /// The string of `scalars`, encoded straight into its storage.
    ///
    /// `String(String.UnicodeScalarView(scalars))` appends scalar by scalar
    /// through a generic iterator; the loader builds a string like this for
    /// every passage, sentence, token and quote, and that path was a visible
    /// share of the load. Same scalars, so the same string.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for s in scalars {
                UTF8.encode(s) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
