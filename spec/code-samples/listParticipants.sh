# SPACE is your space's name, as in SPACE.signalwire.com.
CONFERENCE_SID="8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c"

curl --get "https://$SPACE.signalwire.com/api/laml/2010-04-01/Accounts/$SIGNALWIRE_PROJECT_ID/Conferences/$CONFERENCE_SID/Participants" \
  -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN" \
  --data-urlencode "Muted=true" \
  --data-urlencode "PageSize=50"

# For the next page, request "https://$SPACE.signalwire.com" + next_page_uri, as it is,
# until next_page_uri is null.
