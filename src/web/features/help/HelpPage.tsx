import { Link } from '../../shared/router.js';

/** General guidance on finding help. No phone numbers: they differ by country and change. */
export function HelpPage() {
  return (
    <div className="narrow">
      <h2 className="page-title">Help in a crisis</h2>
      <section aria-labelledby="now-heading" className="card help-urgent">
        <h3 id="now-heading" className="card-title">
          If you or someone else is in danger now
        </h3>
        <p>
          Call your local emergency number straight away, or go to the nearest emergency department.
          You do not need to be sure it is an emergency to ask for help.
        </p>
      </section>
      <section aria-labelledby="soon-heading" className="card">
        <h3 id="soon-heading" className="card-title">
          If you are struggling
        </h3>
        <ul className="help-list">
          <li>
            Talk to a doctor or a mental health professional. Your family doctor can help you find
            the right support.
          </li>
          <li>
            Contact a local crisis line or helpline. Your doctor, your local health service or a
            trusted search for “crisis line” and your country will find one near you; many are free,
            confidential and open day and night.
          </li>
          <li>
            Tell someone you trust how you are feeling, and let them help you take a next step.
          </li>
        </ul>
      </section>
      <section aria-labelledby="about-heading" className="card">
        <h3 id="about-heading" className="card-title">
          What Tend is, and is not
        </h3>
        <p>
          Tend helps you notice and nurture the time you spend with people and animals you delight
          in. Its states are behavioural proxies worked out from what you log: they do not measure
          anything in your body, and they are not a diagnosis or medical advice. The ratings you
          give in a check-in are for self-tracking only.
        </p>
        <p className="help-back">
          <Link to="/">Back to Today</Link>
        </p>
      </section>
    </div>
  );
}
