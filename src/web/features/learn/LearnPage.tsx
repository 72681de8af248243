import type { ReactNode } from 'react';
import { Link } from '../../shared/router.js';

/**
 * The science behind Tend, in the project's own words, from SCIENCE.md: what
 * is known, how sure it is, and whether it was found in people or in mice.
 * Statistics are observational associations; nothing here is medical advice.
 */

const EPISODE = 'https://www.youtube.com/watch?v=ntfcfJ28eiU';

/** A link to the episode at a moment, opening normally (no new tab). */
function Episode({ seconds, children }: { seconds: number; children: ReactNode }) {
  return (
    <a href={`${EPISODE}&t=${seconds}s`} rel="noopener noreferrer" className="episode-link">
      {children}
    </a>
  );
}

function Out({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** How sure a section is, and who was studied. */
function Evidence({
  level,
  who,
}: {
  level: 'Strong' | 'Moderate' | 'Weak' | 'Contested';
  who: string;
}) {
  return (
    <p className="evidence">
      <span className={`tag evidence-${level.toLowerCase()}`}>{level} evidence</span>{' '}
      <span className="tag">{who}</span>
    </p>
  );
}

interface Reference {
  id: string;
  text: string;
  href: string;
  link: string;
}

const REFERENCES: Reference[] = [
  {
    id: 'holt-2010',
    text: 'Holt-Lunstad, Smith & Layton. PLoS Medicine 2010;7:e1000316.',
    href: 'https://doi.org/10.1371/journal.pmed.1000316',
    link: 'doi:10.1371/journal.pmed.1000316',
  },
  {
    id: 'holt-2015',
    text: 'Holt-Lunstad et al. Perspectives on Psychological Science 2015;10:227–237.',
    href: 'https://doi.org/10.1177/1745691614568352',
    link: 'doi:10.1177/1745691614568352',
  },
  {
    id: 'cohen-wills',
    text: 'Cohen & Wills. Psychological Bulletin 1985;98:310–357.',
    href: 'https://doi.org/10.1037/0033-2909.98.2.310',
    link: 'doi:10.1037/0033-2909.98.2.310',
  },
  {
    id: 'cohen-2015',
    text: 'Cohen et al. (hugs and colds). Psychological Science 2015;26:135–147.',
    href: 'https://doi.org/10.1177/0956797614559284',
    link: 'doi:10.1177/0956797614559284',
  },
  {
    id: 'coan-2006',
    text: 'Coan, Schaefer & Davidson. Psychological Science 2006;17:1032–1039.',
    href: 'https://doi.org/10.1111/j.1467-9280.2006.01832.x',
    link: 'doi:10.1111/j.1467-9280.2006.01832.x',
  },
  {
    id: 'coan-sbarra',
    text: 'Coan & Sbarra (Social Baseline Theory). Current Opinion in Psychology 2015;1:87–91.',
    href: 'https://doi.org/10.1016/j.copsyc.2014.12.021',
    link: 'doi:10.1016/j.copsyc.2014.12.021',
  },
  {
    id: 'mccullough',
    text: 'McCullough, Churchland & Mendez. Neuroscience & Biobehavioral Reviews 2013;37:1485–1492.',
    href: 'https://pubmed.ncbi.nlm.nih.gov/?term=McCullough+Churchland+Mendez+2013+oxytocin',
    link: 'search PubMed',
  },
  {
    id: 'nave',
    text: 'Nave, Camerer & McCullough. Perspectives on Psychological Science 2015;10:772–789.',
    href: 'https://pubmed.ncbi.nlm.nih.gov/?term=Nave+Camerer+McCullough+2015+oxytocin+trust',
    link: 'search PubMed',
  },
  {
    id: 'walsh',
    text: 'Walsh et al. Nature 2018;560:589–594 (mouse research).',
    href: 'https://pubmed.ncbi.nlm.nih.gov/?term=Walsh+2018+Nature+560+589',
    link: 'search PubMed',
  },
  {
    id: 'zelikowsky',
    text: 'Zelikowsky M, …, Anderson DJ. Cell 2018;173(5):1265–1279 (mouse research). PMID 29775595.',
    href: 'https://pubmed.ncbi.nlm.nih.gov/29775595/',
    link: 'PubMed 29775595',
  },
  {
    id: 'teo',
    text: 'Teo et al. Journal of the American Geriatrics Society 2015;63:2014–2022.',
    href: 'https://doi.org/10.1111/jgs.13667',
    link: 'doi:10.1111/jgs.13667',
  },
  {
    id: 'sherman',
    text: 'Sherman, Michikyan & Greenfield. Cyberpsychology 2013;7(2).',
    href: 'https://cyberpsychology.eu/',
    link: 'cyberpsychology.eu',
  },
  {
    id: 'seltzer',
    text: 'Seltzer et al. Evolution and Human Behavior 2012;33:42–45.',
    href: 'https://doi.org/10.1016/j.evolhumbehav.2011.05.004',
    link: 'doi:10.1016/j.evolhumbehav.2011.05.004',
  },
  {
    id: 'herzog',
    text: 'Herzog. Current Directions in Psychological Science 2011;20:236–239.',
    href: 'https://doi.org/10.1177/0963721411415220',
    link: 'doi:10.1177/0963721411415220',
  },
  {
    id: 'gilbey',
    text: 'Gilbey & Tani. Anthrozoös 2015;28:181–197.',
    href: 'https://doi.org/10.1080/08927936.2015.11435396',
    link: 'doi:10.1080/08927936.2015.11435396',
  },
  {
    id: 'hall',
    text: 'Hall. Journal of Social and Personal Relationships 2019;36(4):1278–1296.',
    href: 'https://doi.org/10.1177/0265407518761225',
    link: 'doi:10.1177/0265407518761225',
  },
  {
    id: 'sg-2023',
    text: 'US Surgeon General. Our Epidemic of Loneliness and Isolation (advisory), 2023.',
    href: 'https://www.hhs.gov/sites/default/files/surgeon-general-social-connection-advisory.pdf',
    link: 'hhs.gov (PDF)',
  },
];

function Cite({ id, children }: { id: string; children: ReactNode }) {
  return <a href={`#ref-${id}`}>{children}</a>;
}

export function LearnPage() {
  return (
    <div className="narrow learn">
      <h2 className="page-title">The science behind Tend</h2>
      <p className="lede">
        Tend grew out of a note summarising a Huberman Lab episode (#10, “Tools for Managing Stress
        &amp; Anxiety”, 2021). We checked its claims against the research. Here is what is known,
        how sure it is, and whether it was found in people or in mice. Tend measures nothing in your
        body and is not medical advice.
      </p>

      <nav aria-label="On this page" className="card toc">
        <ol>
          <li>
            <a href="#stress">Social connection and long-term stress</a>
          </li>
          <li>
            <a href="#everyday">Everyday contact</a>
          </li>
          <li>
            <a href="#bonds">Deep bonds and oxytocin</a>
          </li>
          <li>
            <a href="#isolation">Isolation and tachykinin</a>
          </li>
          <li>
            <a href="#digital">In person or on a screen</a>
          </li>
          <li>
            <a href="#pets">Animals</a>
          </li>
          <li>
            <a href="#layers">Circles of closeness</a>
          </li>
          <li>
            <a href="#tend">What Tend does with this</a>
          </li>
          <li>
            <a href="#references">References</a>
          </li>
        </ol>
      </nav>

      <section id="stress" aria-labelledby="stress-h" className="card">
        <h3 id="stress-h" className="card-title">
          Social connection and long-term stress
        </h3>
        <Evidence level="Strong" who="People · observational" />
        <p>
          In the episode, social connection is one of three long-term tools against stress, next to
          exercise and sleep (<Episode seconds={3876}>listen from 64:36</Episode>).
        </p>
        <p>
          The human evidence is large but observational. A review of 148 studies with more than
          300,000 people found that those with stronger social relationships had{' '}
          <strong>about 50% higher odds of survival</strong> over the studies’ follow-up (
          <Cite id="holt-2010">Holt-Lunstad 2010</Cite>). Being well woven into a network showed the
          strongest link; simply living with others, the weakest. A later review found isolation,
          loneliness and living alone each linked to higher odds of death, whether the isolation was
          objective or felt (<Cite id="holt-2015">Holt-Lunstad 2015</Cite>).
        </p>
        <p>
          These studies show associations, not cause and effect: they cannot prove that more contact
          makes anyone live longer. Support seems to buffer stress most when you feel that the right
          kind of help is there when you need it (
          <Cite id="cohen-wills">Cohen &amp; Wills 1985</Cite>). The US Surgeon General’s 2023
          advisory likens the health risk of social disconnection to smoking up to 15 cigarettes a
          day; that comparison is theirs (<Cite id="sg-2023">Surgeon General 2023</Cite>).
        </p>
      </section>

      <section id="everyday" aria-labelledby="everyday-h" className="card">
        <h3 id="everyday-h" className="card-title">
          Everyday contact
        </h3>
        <Evidence level="Weak" who="Serotonin link: mice" />
        <p>
          The episode ties everyday, positive contact to serotonin and a sense of safety (
          <Episode seconds={4155}>listen from 69:15</Episode>). The research that links serotonin to
          sociability is circuit work in mice (<Cite id="walsh">Walsh 2018</Cite>). We found no
          study showing that ordinary contact raises serotonin in the human brain, and the old “low
          serotonin” account of depression is itself disputed.
        </p>
        <p>
          So Tend’s <strong>everyday connection</strong> is a behavioural proxy: a score of the
          contact you log, weighted by how you met, for how long and how much you enjoyed it. It is
          named after the idea, not a measure of any chemical.
        </p>
      </section>

      <section id="bonds" aria-labelledby="bonds-h" className="card">
        <h3 id="bonds-h" className="card-title">
          Deep bonds and oxytocin
        </h3>
        <Evidence level="Contested" who="People · small studies" />
        <p>
          The note says oxytocin comes only from deep bonds (hugs, trust, caregiving), not from
          casual greetings. The episode calls this chapter “the oxytocin myth” (
          <Episode seconds={4100}>listen from 68:20</Episode>). It is partly plausible but not a
          rule. Measuring oxytocin in blood is unreliable (
          <Cite id="mccullough">McCullough 2013</Cite>), and the well-known finding that an oxytocin
          nasal spray increases trust did not hold up when repeated (
          <Cite id="nave">Nave 2015</Cite>).
        </p>
        <p>
          What is better supported is what close contact does for people. In a study of 404 adults
          who were later exposed to a cold virus, feeling supported softened the extra infection
          risk that came with conflict, hugs accounted for about a third of that effect, and people
          who were hugged more had milder symptoms (<Cite id="cohen-2015">Cohen 2015</Cite>).
          Married women waiting for a mild shock showed less threat-related brain activity while
          holding their husband’s hand, less so with a stranger’s (
          <Cite id="coan-2006">Coan 2006</Cite>
          ). Our brains seem to expect trusted people nearby (
          <Cite id="coan-sbarra">Coan &amp; Sbarra 2015</Cite>).
        </p>
        <p>
          Tend’s <strong>deep bond</strong> rises only with such moments. It suggests affection only
          with people you trust and who want it, and promises nothing about hormones.
        </p>
      </section>

      <section id="isolation" aria-labelledby="isolation-h" className="card">
        <h3 id="isolation-h" className="card-title">
          Isolation and tachykinin
        </h3>
        <Evidence level="Moderate" who="Mouse research · male mice only" />
        <p className="correction">
          The note calls the molecule “Taqi Kynan”. That is a transcription error: it is{' '}
          <strong>tachykinin</strong>, here Tac2 (neurokinin B).
        </p>
        <p>
          The episode describes how long isolation raises tachykinin and brings irritability, fear
          and what looks like paranoia (<Episode seconds={4410}>listen from 1:13:30</Episode>). The
          study behind this is <strong>mouse research</strong> (
          <Cite id="zelikowsky">Zelikowsky et al., Cell 2018</Cite>). Male mice housed alone for two
          weeks, but not for one day, made more Tac2 across the brain; they attacked unfamiliar mice
          more, froze long after a threat had passed and over-reacted to new threats. A drug that
          blocks the Tac2 receptor prevented nearly all of this, and raising Tac2 in mice living in
          groups produced the same changes.
        </p>
        <p>
          Two weeks in a mouse’s life is roughly <strong>more than a year of a human life</strong>,
          so the finding says nothing about a quiet fortnight of yours. There are no human Tac2
          data, immunity was not tested, and “paranoia” is a human word for a mouse’s lasting fear.
          People do have a comparable system. Links between loneliness and immunity come from other,
          human work on gene activity, not from tachykinin.
        </p>
        <p>
          Tend’s <strong>isolation load</strong> is named after this work and is a behavioural
          proxy: it builds over days without live contact. Its first, gentle nudge comes after about
          a week without a call, video or visit with your inner circle, not after the mouse’s two
          weeks.
        </p>
      </section>

      <section id="digital" aria-labelledby="digital-h" className="card">
        <h3 id="digital-h" className="card-title">
          In person or on a screen
        </h3>
        <Evidence level="Moderate" who="People · observational and small experiments" />
        <p>
          Among 11,065 adults over 50, those who met friends and family in person only every few
          months or less were more likely to have significant depressive symptoms two years later
          (11.5%) than those who met once or twice a month (8.1%) or weekly (7.3%); how often they
          phoned, wrote or e-mailed did not predict it (<Cite id="teo">Teo 2015</Cite>). Close
          friends felt most bonded in person, then on video, then by voice, then by instant message,
          though every channel gave some connection (<Cite id="sherman">Sherman 2013</Cite>).
          Stressed girls comforted by their mother in person or by phone recovered hormonally, while
          instant messages looked like no contact at all (<Cite id="seltzer">Seltzer 2012</Cite>).
        </p>
        <p>
          So Tend weighs contact in person above video, video above voice and voice above text, but
          never counts a message as nothing. Its <strong>technology balance</strong> shows how much
          of your time with people was face to face. Digital contact works best alongside meeting,
          not instead of it.
        </p>
      </section>

      <section id="pets" aria-labelledby="pets-h" className="card">
        <h3 id="pets-h" className="card-title">
          Animals
        </h3>
        <Evidence level="Weak" who="People · mixed results" />
        <p>
          The note says even one animal you delight in helps. The evidence for a general “pet
          effect” on health is weak: many studies are small, and a benefit for loneliness has not
          been shown convincingly (<Cite id="herzog">Herzog 2011</Cite>;{' '}
          <Cite id="gilbey">Gilbey &amp; Tani 2015</Cite>). Tend counts time with an animal as
          delight and routine, such as a daily walk, and not as a treatment or a stand-in for
          people.
        </p>
      </section>

      <section id="layers" aria-labelledby="layers-h" className="card">
        <h3 id="layers-h" className="card-title">
          Circles of closeness
        </h3>
        <Evidence level="Moderate" who="People · from interviews" />
        <p>
          Robin Dunbar describes our relationships as nested circles of about 5, 15, 50 and 150
          people. In interviews he says the inner five need contact at least weekly and the next
          circle about monthly to stay as close; we know this from interviews rather than a paper we
          checked. Ties that are not kept up do lose closeness over time. Friendship also takes
          time: one study, based on people’s own estimates, suggested roughly 80 to 100 hours
          together to become friends, and more than 200 to become close friends, with leisure time
          counting more than time at work (<Cite id="hall">Hall 2019</Cite>).
        </p>
        <p>
          Tend’s rings and default cadences follow these circles. One to five close ties is a
          success: Tend never counts the size of your network as a score.
        </p>
      </section>

      <section id="tend" aria-labelledby="tend-h" className="card">
        <h3 id="tend-h" className="card-title">
          What Tend does with this
        </h3>
        <ul className="help-list">
          <li>
            It turns what you log into four daily states (everyday connection, deep bond, isolation
            load and technology balance), each a behavioural proxy. On <Link to="/">Today</Link>,
            “Why?” under each state lists the entries that moved it.
          </li>
          <li>
            It suggests whom to reach out to, favouring time in person and shared activities, and
            never pushes contact with someone you find draining.
          </li>
          <li>
            Its check-in ratings are for self-tracking, not diagnosis. Statistics it shows are
            associations in your own data, not causes.
          </li>
          <li>
            Every number behind the model can be changed under <Link to="/settings">Settings</Link>.
          </li>
        </ul>
        <p className="help-back">
          If you are struggling, please talk to someone: <Link to="/help">help in a crisis</Link>.
        </p>
      </section>

      <section id="references" aria-labelledby="references-h" className="card">
        <h3 id="references-h" className="card-title">
          References
        </h3>
        <ol className="references">
          {REFERENCES.map((r) => (
            <li key={r.id} id={`ref-${r.id}`}>
              {r.text} <Out href={r.href}>{r.link}</Out>
            </li>
          ))}
          <li id="ref-episode">
            Huberman Lab Podcast #10, “Tools for Managing Stress &amp; Anxiety”, 7 March 2021.{' '}
            <Out href={EPISODE}>Watch on YouTube</Out>
          </li>
        </ol>
      </section>
    </div>
  );
}
