// How the portal writes dates, phone numbers and sizes for people in France (money to come with billing).

/** An instant as people in France read it: « 26/11/2026 à 10:15 » (Europe/Paris). */
export function frenchDateTime(instant: string): string {
  const formatted = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
  }).format(new Date(instant));
  return formatted.replace(" ", " à ");
}

/** The day of an instant in France: « 26/11/2026 » (Europe/Paris). */
export function frenchDay(instant: string): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" })
    .format(new Date(instant));
}

/** « 2016-05-12 » read as people in France write it: « 12/05/2016 » (no time zone involved). */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

/** « +33612345678 » as people in France write it: « 06 12 34 56 78 »; other numbers as they are. */
export function frenchPhone(phone: string): string {
  const national = /^\+33(\d{9})$/.exec(phone);
  if (!national) {
    return phone;
  }
  return `0${national[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** A file's size as French people read it: « 850 octets », « 120 Ko », « 1,2 Mo » (1 Ko = 1 024 octets). */
export function fileSize(bytes: number): string {
  const kilobytes = bytes / 1024;
  if (bytes < 1024) {
    return `${bytes} octet${bytes > 1 ? "s" : ""}`;
  }
  if (Math.round(kilobytes) < 1024) {
    return `${Math.round(kilobytes)} Ko`;
  }
  const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(kilobytes / 1024);
  return `${megabytes} Mo`;
}
