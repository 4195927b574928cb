/// The rules that tie `changes:` to a page's other dates: a change cannot precede the page's
/// publication, and an `updated:` written beside changes must agree with the newest of them,
/// so the date a member reads under the title is the date of a note they can read below.
enum ChangeChecks {
    /// Each broken rule is an error at its line. - Parameter changes: newest first.
    static func check(_ changes: [Change], published: ContentDate?, updated: ContentDate?, fields: inout FieldReader) {
        if let published {
            for change in changes.reversed() where change.date.day < published.day {
                fields.fail("this change is dated \(change.date.day), before the page was published on \(published.day)",
                            at: change.location, code: "change-before-publication")
            }
        }
        if let updated {
            let at = fields.entry("updated")?.value.location ?? fields.location
            if let newest = changes.first {
                if newest.date.day != updated.day {
                    fields.fail("`updated` is \(updated.day) but the newest change is dated \(newest.date.day): "
                                + "leave `updated` out (the changes give it) or make them agree", at: at, code: "updated-disagrees")
                }
            } else {
                fields.warn("`updated` without `changes`: add a change note saying what changed, for the page's history "
                            + "and the updates feed", at: at, code: "updated-without-note")
            }
        }
    }
}
