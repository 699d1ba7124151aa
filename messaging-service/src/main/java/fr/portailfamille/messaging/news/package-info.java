/** « Je m'informe »: news items agents write (sanitised rich text, category, dates, deadline, form, link) and everyone reads (public ones) or families read (theirs). */
package fr.portailfamille.messaging.news;
