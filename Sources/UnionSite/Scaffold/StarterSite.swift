/// The files `unionsite init` writes: a small site that uses every content kind, builds
/// without a warning, and shows an officer where each kind of thing goes.
enum StarterSite {
    /// Relative path → text. `title` and `baseURL` are already checked; dates are `day`'s.
    static func files(title: String, baseURL: String, day: Day) -> [(String, String)] {
        let closes = Day(year: day.year + 1, month: day.month, day: min(day.day, 28)) ?? day
        return [
            (".gitignore", "# The built site and unionsite's own records: made again by `unionsite build`.\npublic/\n.unionsite/\n"),
            ("content/site.yaml", settings(title: title, baseURL: baseURL)),
            ("content/articles/welcome.md", article(day)),
            ("content/guide/index.md", guideIndex),
            ("content/guide/joining-the-union.md", chapterOne),
            ("content/guide/getting-help-at-work.md", chapterTwo),
            ("content/principles/our-principles.md", principles(day)),
            ("content/pages/about.md", about),
            ("content/vacancies/vacancies.yaml", vacancy(posted: day, closes: closes)),
            ("content/static/images/meeting.svg", image),
        ]
    }

    static func settings(title: String, baseURL: String) -> String {
        """
        # The site's settings. Every key is described; the ones starting with `#` are optional
        # and off: remove the `#` to use them. Any other key is passed to templates as site.params.

        # The site's name: in every page's title, the header and the feeds. Required.
        title: \(NewContent.quoted(title))
        # Where the site is published, with its path if it has one. Required.
        # `unionsite build --base-url URL` overrides it for one build.
        base_url: \(NewContent.quoted(baseURL))
        # The language of the pages (BCP 47), for screen readers and search engines.
        language: en-GB
        # One or two sentences for search engines and link previews.
        description: "News, guidance and vacancies for members of the union."
        # The time zone "today" is taken in: decides which articles are published and vacancies open.
        timezone: Europe/London
        # Who publishes the site: named in the footer, with a "Join" link when join_url is set.
        organisation:
          name: \(NewContent.quoted(title))
          # url: "https://example.org/"
          # join_url: "https://example.org/join/"
        # The menu in every page's header: a section (guide/) or a content file (pages/about.md).
        nav:
          - title: Guide
            link: guide/
          - title: Principles
            link: principles/
          - title: News
            link: articles/
          - title: Vacancies
            link: vacancies/
          - title: About
            link: pages/about.md
        # Link the first use of each glossary term on a page to its entry (true or false).
        autolink: true
        # The largest content file read, in bytes (default 10 MB).
        # max_file_size: 10000000
        # Warnings to switch off, by the code printed with them.
        # lint:
        #   off: [orphan-page]

        """
    }

    static func article(_ day: Day) -> String {
        """
        ---
        title: "Welcome to the new site"
        date: \(day)
        summary: "The branch has a new website for news, guidance and vacancies."
        tags: [news]
        ---

        This is the branch's new website. Articles like this one go in `content/articles/`,
        newest first on the home page and under News.

        Start with the [member guide](../guide/index.md) or read
        [the principles we bargain by](../principles/our-principles.md).

        """
    }

    static let guideIndex = """
        ---
        title: "Member guide"
        summary: "Practical guidance for members, a chapter at a time."
        ---

        Each chapter of the guide is a file in `content/guide/`, in the order its `order:` gives.

        1. [Joining the union](joining-the-union.md): who can join and what membership brings.
        2. [Getting help at work](getting-help-at-work.md): who to ask, and when.

        """

    static let chapterOne = """
        ---
        title: "Joining the union"
        order: 1
        summary: "Who can join, what it costs and what membership brings."
        terms:
          - term: "workplace representative"
            definition: "A member elected by colleagues to speak for them with the employer."
            aliases: ["rep", "reps"]
        ---

        Anyone employed in the sector can join. Your workplace representative is the first
        person to talk to about membership, and the one to ask when
        [you need help at work](getting-help-at-work.md).

        ## What membership brings

        Advice, representation at meetings with your employer, and a say in what the union does.

        """

    static let chapterTwo = """
        ---
        title: "Getting help at work"
        order: 2
        summary: "Who to ask for help with a problem at work, and when to ask."
        ---

        Talk to your rep early: a problem raised early is easier to settle. The branch's
        [principles](../principles/our-principles.md) say what it expects of every employer.

        ## Before a meeting

        Write down what happened and when, and keep copies of letters and emails.

        """

    static func principles(_ day: Day) -> String {
        """
        ---
        title: "Our principles"
        summary: "What the branch asks of every employer."
        version: "1.0"
        adopted: \(day)
        ---

        ## Fair pay

        Pay should be open, fair and agreed with the union. The [member guide](../guide/index.md)
        explains how to raise a pay question.

        ## Safe workplaces

        Every member should be able to raise a concern without fear.

        """
    }

    static let about = """
        ---
        title: "About this site"
        summary: "Who publishes this site and how to get in touch."
        ---

        This site is published by the branch for its members and for anyone thinking of joining.

        ![Members around a table at a branch meeting](/images/meeting.svg)

        """

    static func vacancy(posted: Day, closes: Day) -> String {
        """
        # Vacancies: one record here, or a list of them; .yaml, .json and .csv files all work.
        - id: branch-organiser
          title: "Branch organiser"
          employer: "The union"
          location: "Anytown"
          posted: \(posted)
          closes: \(closes)
          apply_url: "https://jobs.example.net/branch-organiser"
          contract: permanent
          hours: full-time
          summary: "Help members organise in their workplaces."

        """
    }

    static let image = """
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320">
        <rect width="640" height="320" fill="#e8eef5"/>
        <rect x="170" y="130" width="300" height="80" rx="10" fill="#5b6f86"/>
        <circle cx="220" cy="100" r="24" fill="#2f3d4f"/><circle cx="320" cy="100" r="24" fill="#2f3d4f"/>
        <circle cx="420" cy="100" r="24" fill="#2f3d4f"/><circle cx="270" cy="250" r="24" fill="#2f3d4f"/>
        <circle cx="370" cy="250" r="24" fill="#2f3d4f"/>
        </svg>

        """
}
