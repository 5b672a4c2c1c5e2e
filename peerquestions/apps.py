from django.apps import AppConfig


class PeerQuestionsConfig(AppConfig):
    name = "peerquestions"
    verbose_name = "Peer questions"

    def ready(self) -> None:
        from core.registry import register_demo_seeder, register_staff_links
        from core.retention import register_purge
        from peerquestions.demo import seed_demo
        from peerquestions.retention import KEEP_DAYS, purge_old_questions
        from peerquestions.selectors import staff_links

        register_purge(
            "peer-questions", f"anonymous questions and their answers, {KEEP_DAYS} days after", purge_old_questions
        )
        register_staff_links("peerquestions", staff_links)
        register_demo_seeder("peerquestions", seed_demo, order=70)
