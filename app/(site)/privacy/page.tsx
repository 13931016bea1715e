import type { Metadata } from "next";
import { getConfig } from "@/lib/config";

const description = "What we collect when you book a consultation, why, how long we keep it, who processes it, and your rights.";

export function generateMetadata(): Metadata {
  const { APP_URL } = getConfig();
  return { title: "Privacy", description, alternates: { canonical: `${APP_URL}/privacy` } };
}

export default function PrivacyPage() {
  const { FIRM_NAME, FIRM_EMAIL, FIRM_ADDRESS, BOOKING_RATE_WINDOW_SECONDS } = getConfig();
  const rateWindowMinutes = Math.ceil(BOOKING_RATE_WINDOW_SECONDS / 60);
  const email = (
    <a href={`mailto:${FIRM_EMAIL}`}>{FIRM_EMAIL}</a>
  );
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <article className="prose prose-slate max-w-none dark:prose-invert prose-a:text-emerald-700 dark:prose-a:text-emerald-400">
        <h1>Privacy</h1>
        <p className="lead">
          This notice explains, in plain language, what {FIRM_NAME} does with the information you give us when you book
          a consultation. Reading our articles does not require you to tell us anything.
        </p>

        <h2>What we collect</h2>
        <p>When you book a consultation, we collect what you type into the form:</p>
        <ul>
          <li>your name, work email address, company, and role;</li>
          <li>your phone number, if you give it;</li>
          <li>the size of your company and the topic you want to discuss;</li>
          <li>your message, if you write one;</li>
          <li>the time slot you choose, and your time zone so we can show times correctly.</li>
        </ul>
        <p>We also record, with your booking:</p>
        <ul>
          <li>
            how you first found us: the campaign tags in the link you followed (such as utm_source or utm_campaign), the
            page that referred you, and the first page of ours you landed on;
          </li>
          <li>when you agreed to this notice.</li>
        </ul>
        <p>
          Your IP address is used only to limit how many booking requests can be sent from one address in a short time.
          It is not stored with your enquiry, and the counter it feeds expires after about {rateWindowMinutes} minutes.
        </p>
        <h2>Cookies</h2>
        <p>
          We use one cookie of our own, first_touch, which remembers how you first found us (the details above) for up
          to 90 days so they can be sent with a booking. It is not shared with anyone and does not follow you to other
          sites. We do not use advertising or third-party analytics cookies, and we never sell your information.
        </p>

        <h2>Why we use it</h2>
        <ul>
          <li>to confirm your booking and send you a calendar invitation;</li>
          <li>to prepare for the consultation and follow up on it;</li>
          <li>to understand which articles and campaigns bring us enquiries, so we can write more of what helps;</li>
          <li>to protect the form from spam and abuse.</li>
        </ul>
        <p>
          We rely on your request to take steps before a possible engagement, and on our legitimate interest in running
          and protecting our business.
        </p>

        <h2>How long we keep it</h2>
        <p>
          We keep an enquiry, its booking, and our notes about it for up to 24 months after our last contact with you,
          then delete them. If you become a client, we keep what our contract and the law require for as long as they
          require it. You can ask us to delete your enquiry sooner at any time.
        </p>

        <h2>Who processes it for us</h2>
        <ul>
          <li>our database host, which stores the enquiry on our behalf;</li>
          <li>
            our email provider, Resend, which delivers the confirmation to you and the notification to our team, and
            tells us whether each email was delivered.
          </li>
        </ul>
        <p>Both act only on our instructions and may not use your information for their own purposes.</p>

        <h2>Your rights</h2>
        <p>
          You can ask us for a copy of the information we hold about you, ask us to correct or delete it, or object to how
          we use it. Write to {email} and we will answer within one month. If you are not satisfied with our answer, you
          can complain to your local data protection authority.
        </p>

        <h2>Contact</h2>
        <p>
          {FIRM_NAME}, {email}
          {FIRM_ADDRESS && <>, {FIRM_ADDRESS}</>}
        </p>
      </article>
    </div>
  );
}
