/**
 * Links to other pages of the site were printed against the loopback server; they must
 * point where the site is published. `from` is the loopback origin and path prefix
 * (`http://127.0.0.1:40091/policies/`), `to` the published site (`https://example.org/policies/`)
 * or, when that is not known, the prefix alone (`/policies/`), which PDF viewers in a
 * browser resolve against the PDF's own address.
 */
export interface LinkRebase {
  from: string;
  to: string;
}
