"""What advisers and mediators write on a case: calls, notes, channel notes, mediation notes, tasks."""

CALLS_NB = (
    "Ringte klienten og gikk gjennom hva som skjedde. Avtalt at klienten sender skjermbilder på e-post.",
    "Samtale med klienten om mulighetene: klage til Diskrimineringsnemnda, anmeldelse eller megling.",
    "Ringte motparten for å høre deres versjon. De vil svare skriftlig innen to uker.",
    "Klienten ringte og fortalte at situasjonen har roet seg, men vil at saken holdes åpen.",
    "Forsøkte å ringe klienten, ingen svar. Sendte SMS etter avtale om trygg kontakt.",
)
CALLS_SV = (
    "Ringde klienten och gick igenom vad som hänt. Klienten skickar skärmdumpar med e-post.",
    "Samtal med klienten om möjligheterna: anmälan till DO, polisanmälan eller medling.",
    "Ringde motparten för att höra deras version. De svarar skriftligt inom två veckor.",
    "Klienten ringde och berättade att situationen har lugnat sig men vill att ärendet hålls öppet.",
    "Försökte ringa klienten, inget svar. Skickade sms enligt överenskommelse om säker kontakt.",
)
NOTES_NB = (
    "Sorteringssamtale: klienten har også spørsmål om bolig og økonomi; henvist videre for det.",
    "Klienten ønsker ikke at motparten kontaktes ennå. Tar det opp igjen om to uker.",
    "Gikk gjennom fristene. Mulig sak for Diskrimineringsnemnda; vi hjelper med klagen.",
    "Klienten ønsker tolk på neste møte.",
    "Dokumentasjonen er mangelfull, men klienten har to vitner som vil forklare seg.",
)
NOTES_SV = (
    "Sorteringssamtal: klienten har även frågor om boende och ekonomi; hänvisad vidare för det.",
    "Klienten vill inte att motparten kontaktas ännu. Tar upp det igen om två veckor.",
    "Gick igenom preskriptionstiden. Möjligt ärende för DO; vi hjälper till med anmälan.",
    "Klienten önskar tolk till nästa möte.",
    "Dokumentationen är bristfällig, men klienten har två vittnen som kan berätta.",
)
CHANNEL_NOTES_NB = {
    "drop_in": "Kom innom på Skeiv Kafé og snakket med rådgiveren der.",
    "partner": "Henvist fra Antirasistisk Senter etter samtale der.",
    "patrol": "Møtt av frivillige på natteravn-runde, som ga informasjon om DiMe.",
}
CHANNEL_NOTES_SV = {
    "drop_in": "Kom in på byråns öppna mottagning.",
    "partner": "Hänvisad från en samarbetsorganisation i stadsdelen.",
    "patrol": "Träffade byråns volontärer på en kvällsvandring.",
}
MEDIATION_NOTES_NB = (
    "Formøte med begge parter. Begge er villige til megling.",
    "Meglingsmøte avholdt. Partene ble enige om en skriftlig beklagelse og rutineendring.",
)
MEDIATION_NOTES_SV = (
    "Förmöte med båda parter. Båda är villiga att medla.",
    "Medlingsmöte hållet. Parterna kom överens om en skriftlig ursäkt och nya rutiner.",
)
TASKS_NB = (
    "Ring klienten tilbake",
    "Skriv utkast til klage",
    "Be motparten om redegjørelse",
    "Sjekk fristen for klage",
    "Send informasjon om megling",
    "Følg opp politianmeldelsen",
)
TASKS_SV = (
    "Ring tillbaka till klienten",
    "Skriv utkast till anmälan",
    "Begär yttrande från motparten",
    "Kontrollera preskriptionstiden",
    "Skicka information om medling",
    "Följ upp polisanmälan",
)
